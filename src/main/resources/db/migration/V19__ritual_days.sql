-- ritualPlan hands its rituals out day by day, with one timer per plan for the next ritual day, instead of giving
-- every ritual of the year its own branch and timer when the calendar is validated. A ritual handed out to its branch
-- is marked here, so the next timer counts only the days still to come. Rituals of plans validated before stay
-- unmarked: each already has its branch.
alter table kap_ritual_occurrence add column released_at timestamp;
