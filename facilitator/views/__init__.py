"""One blueprint per audience: facilitator, participant, projector, errors."""
