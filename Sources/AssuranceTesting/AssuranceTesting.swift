// AssuranceTesting
//
// What a host's tests need: fixed clocks, recording sinks, scenario builders and the store conformance suite.
