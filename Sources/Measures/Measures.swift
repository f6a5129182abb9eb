// Measures
//
// The framework data measures: the catalogue, observations, targets and scorecards, Making Data Count SPC, and national comparators.
