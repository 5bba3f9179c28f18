"""Keys for lesson 01."""
