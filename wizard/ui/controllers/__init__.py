"""The controllers behind the window: one per concern, each carrying out a few of the pages' intents.

`wizard.ui.controller.Controller` builds them and dispatches intents to them by a table; they share a `Context`.
"""
