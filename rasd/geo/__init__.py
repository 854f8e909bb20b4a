"""rasd.geo"""
