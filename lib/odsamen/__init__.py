"""odsamen: cooperation analysis and board briefings for the environmental
services (omgevingsdiensten) of Noord-Holland and Flevoland."""

__version__ = "0.1.0"
