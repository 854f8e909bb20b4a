"""rasd.time"""
