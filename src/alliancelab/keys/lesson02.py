"""Keys for lesson 02."""
