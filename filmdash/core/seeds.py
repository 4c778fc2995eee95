"""The places the four seed articles are about: the dashboard's focus on every page."""

SEED_CITIES = ("qingdao", "hangzhou", "bradford", "hong-kong")
OMM = "oriental-movie-metropolis"  # Qingdao's Oriental Movie Metropolis, the seeds' studio base
