"""The static site: view models, templates, assets and the atomic writer."""
