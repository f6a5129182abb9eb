/// A section of a report, contributed by a module: a title and a list of blocks.
///
/// Modules build sections from their own records and hand them to Reporting, which assembles the
/// standard reports and renders them; Reporting never imports a feature module.
public struct ReportSection: Hashable, Sendable {
    /// Whether a section may go to every audience.
    public enum Disclosure: String, Hashable, Sendable, Codable {
        /// Fit for every audience once small numbers are suppressed.
        case any
        /// Left out of public reports: it names agencies' ratings or cases.
        case notPublic = "not-public"
    }

    /// A stable id, such as `measures.scorecard`.
    public var id: String
    /// The section's title.
    public var title: String
    /// The module that contributed it.
    public var module: String
    /// Its position among the module's sections.
    public var order: Int
    /// Who may see it.
    public var disclosure: Disclosure
    /// The blocks, in order.
    public var blocks: [ReportBlock]

    /// Creates a section.
    public init(
        id: String,
        title: String,
        module: String,
        order: Int = 0,
        disclosure: Disclosure = .any,
        blocks: [ReportBlock]
    ) {
        self.id = id
        self.title = title
        self.module = module
        self.order = order
        self.disclosure = disclosure
        self.blocks = blocks
    }
}

/// One block of a report section.
public enum ReportBlock: Hashable, Sendable {
    /// Text: an optional heading, paragraphs and bullets.
    case text(TextBlock)
    /// A row of key figures.
    case keyFigures([KeyFigure])
    /// A table.
    case table(TableBlock)
    /// Tiles, each with a RAG colour.
    case ragTiles([RAGTile])
    /// A grid of cells coloured by RAG.
    case heatMap(HeatMapBlock)
    /// A list of findings.
    case findings(FindingsBlock)
    /// A statistical process control chart.
    case spcChart(SPCChart)
    /// A bar chart.
    case barChart(BarChart)
    /// A grid of small SPC charts.
    case smallMultiples(SmallMultiples)
}

/// Text: an optional heading, paragraphs and bullets.
public struct TextBlock: Hashable, Sendable, Codable {
    /// A heading over the text.
    public var heading: String?
    /// Paragraphs.
    public var paragraphs: [String]
    /// Bullet points after the paragraphs.
    public var bullets: [String]

    /// Creates a text block.
    public init(heading: String? = nil, paragraphs: [String] = [], bullets: [String] = []) {
        self.heading = heading
        self.paragraphs = paragraphs
        self.bullets = bullets
    }
}

/// A value in a table, a key figure or a tile.
///
/// Counts and percentages keep their numbers so that a public report can suppress small counts;
/// case references are dropped from reports that are not internal.
public enum ReportCell: Hashable, Sendable {
    /// Text.
    case text(String)
    /// A count of people or events: suppressed from 1 to 5 in public reports.
    case count(Int)
    /// A number with a fixed number of decimals.
    case number(Double, decimals: Int)
    /// A percentage, with the counts it was made from when known (suppressed when either is).
    case percentage(Double?, numerator: Int?, denominator: Int?, decimals: Int)
    /// A RAG judgement, with a label.
    case rag(RAG, label: String)
    /// A day.
    case day(Day)
    /// A period.
    case period(ReportingPeriod)
    /// A published statistics symbol in place of a value.
    case symbol(StatisticsSymbol)
    /// A pseudonymous case reference: internal reports only.
    case caseReference(CaseReference)
    /// Nothing.
    case empty
}

/// A key figure: a label, a value and what it means.
public struct KeyFigure: Hashable, Sendable {
    /// What is counted.
    public var label: String
    /// The value.
    public var value: ReportCell
    /// A line of context, such as the change since the last period.
    public var detail: String?
    /// A judgement, if there is one.
    public var rag: RAG?

    /// Creates a key figure.
    public init(label: String, value: ReportCell, detail: String? = nil, rag: RAG? = nil) {
        self.label = label
        self.value = value
        self.detail = detail
        self.rag = rag
    }
}

/// A table: a caption, columns and rows, with the rows and columns that hold totals.
public struct TableBlock: Hashable, Sendable {
    /// A column.
    public struct Column: Hashable, Sendable, Codable {
        /// The column's heading.
        public var title: String
        /// Whether its values are numbers (aligned right).
        public var numeric: Bool
        /// Creates a column.
        public init(_ title: String, numeric: Bool = false) {
            self.title = title
            self.numeric = numeric
        }
    }

    /// The caption, used as the table's accessible name and the CSV file's name.
    public var caption: String
    /// The columns.
    public var columns: [Column]
    /// The rows; the first cell of each row heads it.
    public var rows: [[ReportCell]]
    /// The index of the row that totals the others, if any.
    public var totalRow: Int?
    /// The index of the column that totals the others in its row, if any.
    public var totalColumn: Int?

    /// Creates a table.
    public init(caption: String, columns: [Column], rows: [[ReportCell]], totalRow: Int? = nil, totalColumn: Int? = nil)
    {
        self.caption = caption
        self.columns = columns
        self.rows = rows
        self.totalRow = totalRow
        self.totalColumn = totalColumn
    }
}

/// A tile with a RAG colour.
public struct RAGTile: Hashable, Sendable {
    /// What the tile is about.
    public var label: String
    /// Its judgement, if there is one.
    public var rag: RAG?
    /// Its value.
    public var value: ReportCell
    /// A line of detail.
    public var detail: String?

    /// Creates a tile.
    public init(label: String, rag: RAG?, value: ReportCell, detail: String? = nil) {
        self.label = label
        self.rag = rag
        self.value = value
        self.detail = detail
    }
}

/// A grid whose cells are coloured by RAG, such as ratings by standard and sector.
public struct HeatMapBlock: Hashable, Sendable {
    /// A cell of the grid.
    public struct Cell: Hashable, Sendable {
        /// Its colour.
        public var rag: RAG?
        /// Its value.
        public var value: ReportCell
        /// Creates a cell.
        public init(rag: RAG?, value: ReportCell) {
            self.rag = rag
            self.value = value
        }
    }

    /// A row of the grid.
    public struct Row: Hashable, Sendable {
        /// The row's label.
        public var label: String
        /// Its cells, one per column.
        public var cells: [Cell]
        /// Creates a row.
        public init(label: String, cells: [Cell]) {
            self.label = label
            self.cells = cells
        }
    }

    /// The caption.
    public var caption: String
    /// The heading over the row labels.
    public var rowHeading: String
    /// The column headings.
    public var columns: [String]
    /// The rows.
    public var rows: [Row]

    /// Creates a heat map.
    public init(caption: String, rowHeading: String, columns: [String], rows: [Row]) {
        self.caption = caption
        self.rowHeading = rowHeading
        self.columns = columns
        self.rows = rows
    }
}

/// A list of findings, each with its escalation level and evidence.
public struct FindingsBlock: Hashable, Sendable {
    /// One finding as a report shows it.
    public struct Item: Hashable, Sendable {
        /// How serious it is.
        public var severity: Severity
        /// The level it is escalated to.
        public var level: EscalationLevel
        /// Since when it has been at that level.
        public var since: Day
        /// What it says.
        public var message: String
        /// The rule that raised it and the obligation it checks.
        public var source: String
        /// The evidence behind it.
        public var evidence: [String]
        /// The agency concerned, by name.
        public var agency: String?

        /// Creates an item.
        public init(
            severity: Severity,
            level: EscalationLevel,
            since: Day,
            message: String,
            source: String,
            evidence: [String] = [],
            agency: String? = nil
        ) {
            self.severity = severity
            self.level = level
            self.since = since
            self.message = message
            self.source = source
            self.evidence = evidence
            self.agency = agency
        }
    }

    /// The caption.
    public var caption: String
    /// The findings, most serious first.
    public var items: [Item]

    /// Creates a findings list.
    public init(caption: String, items: [Item]) {
        self.caption = caption
        self.items = items
    }
}

/// A statistical process control chart in the Making Data Count style.
public struct SPCChart: Hashable, Sendable {
    /// One point of the chart.
    public struct Point: Hashable, Sendable {
        /// The period label on the x axis.
        public var label: String
        /// The value; absent for a gap.
        public var value: Double?
        /// The centre line.
        public var mean: Double?
        /// The lower process limit.
        public var lowerLimit: Double?
        /// The upper process limit.
        public var upperLimit: Double?
        /// The lower near-limit line (two sigma).
        public var lowerNearLimit: Double?
        /// The upper near-limit line (two sigma).
        public var upperNearLimit: Double?
        /// The point type: `common_cause`, `special_cause_improvement`, `special_cause_concern`,
        /// `special_cause_neutral_high` or `special_cause_neutral_low`.
        public var pointType: String
        /// The phase (rebase group) the point belongs to, from 0.
        public var phase: Int
        /// Whether the value was withheld from the report's audience (a small count in a public
        /// report), rather than missing from the data.
        public var isSuppressed: Bool

        /// Creates a point.
        public init(
            label: String,
            value: Double?,
            mean: Double?,
            lowerLimit: Double?,
            upperLimit: Double?,
            lowerNearLimit: Double?,
            upperNearLimit: Double?,
            pointType: String,
            phase: Int,
            isSuppressed: Bool = false
        ) {
            self.label = label
            self.value = value
            self.mean = mean
            self.lowerLimit = lowerLimit
            self.upperLimit = upperLimit
            self.lowerNearLimit = lowerNearLimit
            self.upperNearLimit = upperNearLimit
            self.pointType = pointType
            self.phase = phase
            self.isSuppressed = isSuppressed
        }
    }

    /// The chart's title.
    public var title: String
    /// The unit of the values, such as `%` or `contacts`.
    public var unit: String
    /// The direction of improvement: `increase`, `decrease` or `neutral`.
    public var improvement: String
    /// The points, in period order.
    public var points: [Point]
    /// The target, if there is one.
    public var target: Double?
    /// The variation icon: the last point's type, such as `concern_high`.
    public var variationIcon: String?
    /// The assurance icon: `consistent_pass`, `consistent_fail` or `inconsistent`.
    public var assuranceIcon: String?
    /// Whether the latest phase has fewer than 13 points, so its limits are trial limits.
    public var trialLimits: Bool
    /// Whether the values are counts, which public reports suppress from 1 to 5.
    public var valuesAreCounts: Bool

    /// Creates a chart.
    public init(
        title: String,
        unit: String,
        improvement: String,
        points: [Point],
        target: Double? = nil,
        variationIcon: String? = nil,
        assuranceIcon: String? = nil,
        trialLimits: Bool = false,
        valuesAreCounts: Bool = false
    ) {
        self.title = title
        self.unit = unit
        self.improvement = improvement
        self.points = points
        self.target = target
        self.variationIcon = variationIcon
        self.assuranceIcon = assuranceIcon
        self.trialLimits = trialLimits
        self.valuesAreCounts = valuesAreCounts
    }
}

/// A bar chart.
public struct BarChart: Hashable, Sendable {
    /// One bar.
    public struct Bar: Hashable, Sendable {
        /// The bar's label.
        public var label: String
        /// Its value.
        public var value: Double
        /// Its colour, if it carries a judgement.
        public var rag: RAG?
        /// Whether the value is a count, which public reports suppress from 1 to 5.
        public var isCount: Bool
        /// Creates a bar.
        public init(label: String, value: Double, rag: RAG? = nil, isCount: Bool = false) {
            self.label = label
            self.value = value
            self.rag = rag
            self.isCount = isCount
        }
    }

    /// The chart's title.
    public var title: String
    /// The unit of the values.
    public var unit: String
    /// The bars, in order.
    public var bars: [Bar]

    /// Creates a bar chart.
    public init(title: String, unit: String, bars: [Bar]) {
        self.title = title
        self.unit = unit
        self.bars = bars
    }
}

/// A grid of small SPC charts, such as one measure across every locality.
public struct SmallMultiples: Hashable, Sendable {
    /// The grid's title.
    public var title: String
    /// The number of charts a row.
    public var columns: Int
    /// The charts.
    public var charts: [SPCChart]

    /// Creates a grid.
    public init(title: String, columns: Int = 4, charts: [SPCChart]) {
        self.title = title
        self.columns = max(1, columns)
        self.charts = charts
    }
}
