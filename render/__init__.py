"""How the map is drawn: the map builder, its Leaflet elements, their scripts and styles.

``render`` reads the layer specs of :mod:`layers` and knows no layer by name.
Its JavaScript and CSS are real files in ``render/static/``, inlined in the
export or served by the app (see :mod:`render.assets`).
"""
