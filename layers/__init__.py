"""The map's layers, each a GeoDataFrame in EPSG:4326, and the map built from them."""
