"""Check stage: how the pieces fit together (translations, citations, quotes, attribution).
Every problem is collected, then reported together; nothing here changes the model.
"""
