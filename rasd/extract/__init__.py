"""rasd.extract"""
