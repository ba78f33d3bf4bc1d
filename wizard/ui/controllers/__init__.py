"""The controllers behind the window: one per concern, each carrying out a few of the pages' intents.

`wizard.ui.dispatcher.Controller` builds them and dispatches intents to them; they share a `Context`.
"""
