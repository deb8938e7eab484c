"""Under CI (the CI environment variable set), a skipped test fails the run.

A test skips only for a missing part: ../shared, Chromium, PostgreSQL 15, Tesseract.
CI is meant to have them all, so a skip there means a test did not run, and the run
must not pass as if it had.
"""

import os


def pytest_sessionfinish(session, exitstatus):
    if not os.environ.get("CI"):
        return
    reporter = session.config.pluginmanager.get_plugin("terminalreporter")
    skipped = reporter.stats.get("skipped", []) if reporter else []
    if skipped:
        reasons = sorted({str(report.longrepr[-1]) for report in skipped})
        reporter.write_line(
            f"CI runs every test, but {len(skipped)} skipped: " + "; ".join(reasons), red=True
        )
        session.exitstatus = 1
