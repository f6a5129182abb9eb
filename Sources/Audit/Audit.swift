// Audit
//
// The audit programme: the forward plan, every audit type, one audit tool and grading scale, findings, recommendations and challenge sessions.
