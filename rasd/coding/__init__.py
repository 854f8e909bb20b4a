"""rasd.coding"""
