"""What the project writes for people: the HTML export, downloads, GeoPackage, facts, the command line."""
