"""The wizard's flow: steps, typed state and the navigation machine. No Qt here."""
