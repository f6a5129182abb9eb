// Section11
//
// Section 11 (Children Act 2004) and s175/s157 (Education Act 2002) self-assessments: standards, cycles, challenge, themes and gaps, agency contribution.
