"""Loading, cleaning and measuring the map's data, and finding places in text."""
