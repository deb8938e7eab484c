import subprocess
import sys


def test_parsing_layer_does_not_import_django():
    code = (
        "import sys, meetings.ingest.read, meetings.demo;"
        "loaded = sorted(m for m in sys.modules if m.split('.')[0] == 'django');"
        "print(loaded); sys.exit(1 if loaded else 0)"
    )
    completed = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True)
    assert completed.returncode == 0, completed.stdout + completed.stderr
