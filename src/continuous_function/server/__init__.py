"""The development server: static site, live reload, security headers."""
