// Learning
//
// Learning from reviews: reviews against their statutory clocks, one action tracker, themed work streams, dissemination and evidence of impact.
