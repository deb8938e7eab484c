"""Harvesting councils' publishing sites (docs/harvest.md): sources, one client per platform,
the polite fetcher, and the runs that queue each new or changed file as an import job."""
