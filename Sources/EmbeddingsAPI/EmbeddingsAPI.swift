// EmbeddingsAPI: the client that holds the placeholder token and talks to an endpoint.
