public import Domain

/// Which two-in-three rule to apply.
public enum TwoInThreeRule: String, Hashable, Sendable, Codable, CaseIterable {
    /// NHSRplotthedots 0.2.2: only points between the near limits and the limits count, and only they are flagged.
    case reference
    /// The Making Data Count Excel tool since November 2023: points beyond the near limits count, those
    /// beyond the limits included; the third point, not beyond the near limits, is not flagged.
    case mdc2023
}

/// How to compute an XmR chart and read special causes from it.
///
/// The defaults reproduce NHSRplotthedots 0.2.2 (the reference implementation); ``makingDataCountExcel(improvement:)``
/// gives the NHS England Excel tool's variant.
public struct SPCOptions: Hashable, Sendable {
    /// Which direction is an improvement.
    public var improvement: ImprovementDirection
    /// Whether to drop moving ranges of 3.267 × the average or more before computing limits.
    public var screenOutliers: Bool
    /// Compute each phase's limits from its first N points only (at least 12 when set).
    public var fixAfterPoints: Int?
    /// The target, for the assurance icon.
    public var target: Double?
    /// The run of points on one side of the mean that is a shift (7 in the reference; 6 is allowed).
    public var shiftLength: Int
    /// The run of increasing or decreasing points that is a trend (7 in the reference; 6 is allowed).
    public var trendLength: Int
    /// The two-in-three rule.
    public var twoInThree: TwoInThreeRule
    /// A phase with fewer points than this has trial limits (13 in the reference).
    public var trialLimitThreshold: Int

    /// Creates options; each left out takes the reference's default.
    public init(
        improvement: ImprovementDirection = .increase,
        screenOutliers: Bool = true,
        fixAfterPoints: Int? = nil,
        target: Double? = nil,
        shiftLength: Int = 7,
        trendLength: Int = 7,
        twoInThree: TwoInThreeRule = .reference,
        trialLimitThreshold: Int = 13
    ) {
        self.improvement = improvement
        self.screenOutliers = screenOutliers
        self.fixAfterPoints = fixAfterPoints
        self.target = target
        self.shiftLength = shiftLength
        self.trendLength = trendLength
        self.twoInThree = twoInThree
        self.trialLimitThreshold = trialLimitThreshold
    }

    /// The reference implementation's defaults, improvement by increase.
    public static let reference = SPCOptions()

    /// The NHS England Making Data Count Excel tool: no screening, the 2023 two-in-three rule.
    public static func makingDataCountExcel(improvement: ImprovementDirection) -> SPCOptions {
        SPCOptions(improvement: improvement, screenOutliers: false, twoInThree: .mdc2023)
    }

    /// Checks the options.
    ///
    /// - Throws: `DomainError.Code.invalidInput` for a run length outside 5–12, a fix-after
    ///   below 12, or a non-finite target.
    public func validate() throws(DomainError) {
        for (name, length) in [("shift length", shiftLength), ("trend length", trendLength)]
        where !(5...12).contains(length) {
            throw DomainError(
                .invalidInput,
                "the \(name) is \(length); expected 5 to 12 points (the reference uses 7, MDC allows 6)"
            )
        }
        if let fixAfterPoints, fixAfterPoints < 12 {
            throw DomainError(
                .invalidInput,
                "fix after \(fixAfterPoints) points is too few; expected at least 12, as the reference requires"
            )
        }
        if let target, !target.isFinite {
            throw DomainError(.invalidInput, "the target \(target) is not a finite number")
        }
        if trialLimitThreshold < 1 {
            throw DomainError(.invalidInput, "the trial-limit threshold is \(trialLimitThreshold); expected 1 or more")
        }
    }
}

extension ImprovementDirection {
    /// +1, -1 or 0, as the reference implementation orients point types.
    var sign: Int8 {
        switch self {
        case .increase: 1
        case .decrease: -1
        case .neutral: 0
        }
    }
}
