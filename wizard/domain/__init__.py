"""Product facts and value types with no Qt and no I/O: environments, credentials, the connector manifest."""
