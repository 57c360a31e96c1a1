"""The Textual front end: self-screen, kiosk and staff modes over the core's Session API.

Nothing here decides anything clinical: screens show Turns and pass typed text back.
"""
