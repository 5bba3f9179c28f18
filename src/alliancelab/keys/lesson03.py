"""Keys for lesson 03."""
