"""Invented roster and allow-list shared by the anonymizer tests."""

# Invented participants and organizations (never taken from any corpus).
ROSTER_ROWS = [
    ("Priya Ramaswamy", "Harbour Light Women's Network"),
    ("Thomas Okonkwo", "Department of Fisheries and Oceans"),
    ("Patricia Villeneuve", "Collectif Aurore pour la paix"),
    ("Joy Whitfield", "Prairie Sky Institute"),
    ("Rodrigo Alvarenga", "Northern Lantern Association"),
    ("Anne-Sophie Brisebois", "Department of Fisheries and Oceans"),
    ("Edward Tremblay", "Canadian Coast Guard"),
]
ALLOW_TERMS = ["Department of Fisheries and Oceans", "DFO", "Canadian Coast Guard", "CCG", "UNFPA", "UNSCR 1325"]
