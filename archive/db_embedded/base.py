"""Django's PostgreSQL backend, pointed at the embedded server on first connection."""

from django.db.backends.postgresql import base

from archive import embedded_postgres


class DatabaseWrapper(base.DatabaseWrapper):
    def get_connection_params(self):
        params = super().get_connection_params()
        server = embedded_postgres.start(
            self.settings_dict["EMBEDDED_PGDATA"],
            self.settings_dict["NAME"],
            throwaway=self.settings_dict.get("EMBEDDED_THROWAWAY", False),
        )
        params.update(server)
        return params
