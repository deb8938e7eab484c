"""One small client per platform, each behind the same interface (clients.base.Client)."""

from meetings.harvest.clients.civic import CivicScraperClient
from meetings.harvest.clients.links import LinksClient
from meetings.harvest.clients.moderngov import ModernGovClient
from meetings.harvest.clients.oparl import OParlClient
from meetings.harvest.models import Platform

CLIENTS = {
    Platform.MODERNGOV: ModernGovClient,
    Platform.OPARL: OParlClient,
    Platform.LINKS: LinksClient,
    **dict.fromkeys(CivicScraperClient.SITES, CivicScraperClient),
}


def client_for(source, session):
    return CLIENTS[source.platform](source, session)
