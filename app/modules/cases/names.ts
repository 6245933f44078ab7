// Common Norwegian given names and surnames (shipped with the app, no lookup
// service). Used only to recognise a probable person name in a case text; the
// list is short on purpose: capitalised pairs catch most of the rest.

export const FIRST_NAMES: ReadonlySet<string> = new Set(
  `Anne Inger Kari Marit Ingrid Liv Eva Berit Astrid Bjørg Hilde Anna Solveig Marianne Randi Ida Nina Ragnhild Elisabeth
Kristin Bente Heidi Silje Hanne Gerd Linda Tone Elin Ellen Wenche Camilla Grete Monica Sissel Turid Kirsten Mari Nora
Emma Sara Sofie Ingeborg Maja Thea Julie Emilie Ingunn Aud Gunn Jorunn Torill Unni Åse Mona Merete Laila Siri Trine
Jan Per Bjørn Ole Lars Kjell Knut Svein Arne Hans Geir Tor Terje Thomas Morten John Rune Trond Odd Martin Anders
Erik Jon Harald Olav Tore Rolf Espen Magnus Jonas Henrik Kristian Andreas Fredrik Sindre Sander Emil Mathias Kristoffer
Daniel Eirik Stian Even Håkon Øyvind Ståle Gunnar Leif Nils Einar Arild Steinar Roar Vidar Asbjørn Ola Petter Frode
Tone Aksel Filip Oskar Jakob Noah Lukas Isak William Elias Ahmed Mohammed Ali Fatima Aisha Maria Olga Agnieszka Piotr`
    .split(/\s+/)
    .filter(Boolean),
)

export const SURNAMES: ReadonlySet<string> = new Set(
  `Hansen Johansen Olsen Larsen Andersen Pedersen Nilsen Kristiansen Jensen Karlsen Johnsen Pettersen Eriksen Berg
Haugen Hagen Johannessen Andreassen Jacobsen Dahl Jørgensen Halvorsen Henriksen Lund Sørensen Jakobsen Moen Gundersen
Iversen Strand Solberg Svendsen Eide Knutsen Martinsen Paulsen Bakken Kristoffersen Mathisen Lie Amundsen Nguyen Rasmussen
Ali Lunde Solheim Berge Moe Nygård Bakke Kristensen Fredriksen Holm Lien Hauge Christensen Andresen Nielsen Knudsen
Evensen Sæther Aas Myhre Hanssen Ahmed Haugland Thomassen Sivertsen Simonsen Danielsen Berntsen Sandvik Rønning Arnesen
Antonsen Næss Vik Haug Ellingsen Thorsen Edvardsen Birkeland Isaksen Gulbrandsen Ruud Aasen Strøm Myklebust Tangen
Ødegård Eliassen Helland Bøe Jenssen Aune Mikkelsen Tveit Brekke Abrahamsen Madsen`
    .split(/\s+/)
    .filter(Boolean),
)
