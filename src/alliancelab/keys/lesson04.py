"""Keys for lesson 04."""
