import Domain
import Foundation

extension HTMLRenderer {
    // MARK: Charts

    /// Each chart element's paint, as attributes rather than CSS, so a chart copied out of the
    /// report on its own still draws as it does in the report.
    ///
    /// Every line a reader needs is at least 3:1 against the white plot (WCAG 2.2's 1.4.11): the
    /// run line `#4c6272` 6.9:1, limits, near limits and phase breaks `#768692` 3.8:1, the target
    /// `#d5281b` 5.0:1; the plot's frame alone is lighter, as decoration.
    static let paint = [
        "plot": "class=\"plot\" fill=\"#fff\" stroke=\"#d8dde0\"",
        "mean": "class=\"mean\" fill=\"none\" stroke=\"#212b32\" stroke-width=\"1.2\"",
        "limit": "class=\"limit\" fill=\"none\" stroke=\"#768692\" stroke-dasharray=\"5 3\"",
        "near": "class=\"near\" fill=\"none\" stroke=\"#768692\" stroke-dasharray=\"1 3\"",
        "target": "class=\"target\" fill=\"none\" stroke=\"#d5281b\" stroke-dasharray=\"8 4\"",
        "phase": "class=\"phase\" fill=\"none\" stroke=\"#768692\" stroke-dasharray=\"3 3\"",
        "run": "class=\"run\" fill=\"none\" stroke=\"#4c6272\"",
        "dots": "class=\"dots\" fill=\"none\" stroke-linecap=\"round\"",
    ]

    /// Making Data Count's colours: grey common cause, orange concern, blue improvement, purple neutral.
    static func colour(_ type: SPCPointType) -> String {
        switch type {
        case .commonCause: "#7b7d7d"
        case .concern: "#e46c0a"
        case .improvement: "#005eb8"
        case .neutralHigh, .neutralLow: "#5a2a82"
        }
    }

    func figure(_ chart: SPCChart, id: String, width: Double, height: Double, full: Bool) -> String {
        let description = SPCChartText.describe(chart)
        var out = "<figure class=\"\(full ? "chart" : "small")\">\n"
        out +=
            "<svg xmlns=\"http://www.w3.org/2000/svg\" font-family=\"Arial,Helvetica,sans-serif\" role=\"img\" aria-labelledby=\"\(id)t \(id)d\" viewBox=\"0 0 \(Formatting.coordinate(width)) \(Formatting.coordinate(height))\" width=\"\(Formatting.coordinate(width))\" height=\"\(Formatting.coordinate(height))\">"
        out += "<title id=\"\(id)t\">\(escape(chart.title))</title><desc id=\"\(id)d\">\(escape(description))</desc>"
        out += plot(chart, width: width, height: height, full: full)
        out += "</svg>\n<figcaption>\(escape(chart.title))"
        if let icon = chart.variationIcon {
            out += " · <span class=\"icon\">\(escape(Formatting.label(icon.rawValue)))</span>"
        }
        if let icon = chart.assuranceIcon {
            out += " · <span class=\"icon\">\(escape(Formatting.label(icon.rawValue)))</span>"
        }
        out += "</figcaption>\n"
        let columns =
            full
            ? ["Period", "Value", "Mean", "Lower limit", "Upper limit", "Point type"]
            : ["Period", "Value", "Point type"]
        let decimals = chart.valuesAreCounts ? 0 : 1
        out += "<details><summary>Data</summary>\n"
        // A county's report holds hundreds of these tables: common cause is left blank to keep it small.
        out += table(
            "Data for \(chart.title) (point type shown where the variation is special cause)",
            columns,
            chart.points.map { point in
                let value =
                    point.value.map { Formatting.fixed($0, decimals: decimals) }
                    ?? (point.isSuppressed ? StatisticsSymbol.c.rawValue : "no value")
                let type = point.pointType == .commonCause ? "" : Formatting.label(point.pointType.rawValue)
                if full {
                    return [
                        (point.label, false, nil), (value, true, nil),
                        (point.mean.map { Formatting.fixed($0, decimals: 1) } ?? "", true, nil),
                        (point.lowerLimit.map { Formatting.fixed($0, decimals: 1) } ?? "", true, nil),
                        (point.upperLimit.map { Formatting.fixed($0, decimals: 1) } ?? "", true, nil),
                        (type, false, nil),
                    ]
                }
                return [(point.label, false, nil), (value, true, nil), (type, false, nil)]
            },
            data: true
        )
        return out + "</details>\n</figure>\n"
    }

    /// Where a chart's values fall on its plot: the plot's margins and the scale of its values.
    struct PlotFrame {
        let width: Double
        let height: Double
        let full: Bool
        let left: Double
        let right: Double
        let top = 10.0
        let bottom: Double
        let count: Int
        let minimum: Double
        let maximum: Double

        func x(_ index: Int) -> Double {
            count == 1
                ? left + (width - left - right) / 2 : left + Double(index) * (width - left - right) / Double(count - 1)
        }

        func y(_ value: Double) -> Double { top + (maximum - value) / (maximum - minimum) * (height - top - bottom) }
    }

    func plot(_ chart: SPCChart, width: Double, height: Double, full: Bool) -> String {
        let values =
            chart.points.flatMap { [$0.value, $0.lowerLimit, $0.upperLimit].compactMap(\.self) }
            + [chart.target].compactMap(\.self)
        guard let low = values.min(), let high = values.max(), !chart.points.isEmpty else {
            return
                "<text x=\"\(Formatting.coordinate(width / 2))\" y=\"\(Formatting.coordinate(height / 2))\" text-anchor=\"middle\">No data</text>"
        }
        let span = high - low == 0 ? max(1, abs(high)) : high - low
        let frame = PlotFrame(
            width: width,
            height: height,
            full: full,
            left: full ? 60.0 : 40.0,
            right: full ? 90.0 : 34.0,
            bottom: full ? 40.0 : 32.0,
            count: chart.points.count,
            minimum: low - span * 0.05,
            maximum: high + span * 0.05
        )
        let c = Formatting.coordinate
        var out =
            "<rect x=\"\(c(frame.left))\" y=\"\(c(frame.top))\" width=\"\(c(width - frame.left - frame.right))\" height=\"\(c(height - frame.top - frame.bottom))\" \(Self.paint["plot"]!)/>"
        out += limitLines(chart, frame)
        out += runAndDots(chart, frame)
        out += axisLabels(chart, frame, low: low, high: high)
        out += legend(chart, frame)
        out += icons(chart, frame)
        return out
    }

    /// The y axis's title: what the values are, in words.
    static func axisTitle(_ chart: SPCChart) -> String {
        switch chart.unit.trimmingCharacters(in: .whitespaces) {
        case "": chart.valuesAreCounts ? "Number" : "Value"
        case "%": "Per cent"
        case let unit: unit.prefix(1).uppercased() + unit.dropFirst()
        }
    }

    /// A line under the axis naming each line drawn: the mean and the target with their values,
    /// and the process limits.
    private func legend(_ chart: SPCChart, _ frame: PlotFrame) -> String {
        let c = Formatting.coordinate
        let size = frame.full ? 10.0 : 9.0
        let baseline = frame.height - 4
        var items: [(paint: String, text: String)] = []
        // A small chart's legend gives the number alone: its unit is its axis's title.
        func value(_ number: Double) -> String {
            frame.full ? chart.text(number) : Formatting.fixed(number, decimals: chart.valuesAreCounts ? 0 : 1)
        }
        if let mean = chart.latest?.mean { items.append(("mean", "Mean \(value(mean))")) }
        if let target = chart.target { items.append(("target", "Target \(value(target))")) }
        if chart.points.contains(where: { $0.upperLimit != nil || $0.lowerLimit != nil }) {
            items.append(("limit", frame.full ? "Process limits" : "Limits"))
        }
        var out = ""
        var x = frame.left
        for item in items {
            let sample = frame.full ? 18.0 : 12.0
            out += "<path \(Self.paint[item.paint]!) d=\"M\(c(x)) \(c(baseline - size * 0.35))h\(c(sample))\"/>"
            out +=
                "<text x=\"\(c(x + sample + 3))\" y=\"\(c(baseline))\" font-size=\"\(c(size))\">\(escape(item.text))</text>"
            x += sample + 3 + Double(item.text.count) * size * 0.56 + size
        }
        return out
    }

    /// Limits, near limits and the centre line, one segment per phase, and the target.
    private func limitLines(_ chart: SPCChart, _ frame: PlotFrame) -> String {
        let c = Formatting.coordinate
        let count = frame.count
        let (top, bottom, height, left, right, width) = (
            frame.top, frame.bottom, frame.height, frame.left, frame.right, frame.width
        )
        func x(_ index: Int) -> Double { frame.x(index) }
        func y(_ value: Double) -> Double { frame.y(value) }
        var out = ""
        var phases: [(Int, Int)] = []
        var start = 0
        for index in 1...count where index == count || chart.points[index].phase != chart.points[start].phase {
            phases.append((start, index - 1))
            start = index
        }
        var lines = ["mean": "", "limit": "", "near": ""]
        for (first, last) in phases {
            let point = chart.points[first]
            let from = c(x(first) - (first == last ? 4 : 0))
            let to = c(x(last) + (first == last ? 4 : 0))
            if let mean = point.mean { lines["mean"]! += "M\(from) \(c(y(mean)))H\(to)" }
            for limit in [point.lowerLimit, point.upperLimit].compactMap(\.self) {
                lines["limit"]! += "M\(from) \(c(y(limit)))H\(to)"
            }
            for limit in [point.lowerNearLimit, point.upperNearLimit].compactMap(\.self) {
                lines["near"]! += "M\(from) \(c(y(limit)))H\(to)"
            }
            if first > 0 {
                out +=
                    "<path \(Self.paint["phase"]!) d=\"M\(c((x(first - 1) + x(first)) / 2)) \(c(top))V\(c(height - bottom))\"/>"
            }
        }
        for name in ["near", "limit", "mean"] where !lines[name]!.isEmpty {
            out += "<path \(Self.paint[name]!) d=\"\(lines[name]!)\"/>"
        }
        if let target = chart.target {
            out += "<path \(Self.paint["target"]!) d=\"M\(c(left)) \(c(y(target)))H\(c(width - right))\"/>"
        }
        return out
    }

    /// The run line, broken at gaps, then the dots grouped by point type.
    private func runAndDots(_ chart: SPCChart, _ frame: PlotFrame) -> String {
        let c = Formatting.coordinate
        let full = frame.full
        func x(_ index: Int) -> Double { frame.x(index) }
        func y(_ value: Double) -> Double { frame.y(value) }
        var out = ""
        var run = ""
        var pen = false
        var dots: [SPCPointType: String] = [:]
        for (index, point) in chart.points.enumerated() {
            guard let value = point.value else {
                pen = false
                continue
            }
            run += "\(pen ? "L" : "M")\(c(x(index))) \(c(y(value)))"
            pen = true
            dots[point.pointType, default: ""] += "M\(c(x(index))) \(c(y(value)))h0"
        }
        if !run.isEmpty { out += "<path \(Self.paint["run"]!) d=\"\(run)\"/>" }
        for type in dots.keys.sorted(by: { $0.rawValue < $1.rawValue }) {
            out +=
                "<path \(Self.paint["dots"]!) stroke=\"\(Self.colour(type))\" stroke-width=\"\(full ? 6 : 4)\" d=\"\(dots[type]!)\"/>"
        }
        return out
    }

    private func axisLabels(_ chart: SPCChart, _ frame: PlotFrame, low: Double, high: Double) -> String {
        let c = Formatting.coordinate
        let (full, left, right, width, height) = (frame.full, frame.left, frame.right, frame.width, frame.height)
        func y(_ value: Double) -> Double { frame.y(value) }
        var out = ""
        // At least 7 pt when printed: a full chart spans the page, two small ones share its width.
        let size = full ? 11 : 9
        let axisY = height - frame.bottom + Double(size) + 3
        out +=
            "<text x=\"\(c(left - 3))\" y=\"\(c(y(high) + 3))\" font-size=\"\(size)\" text-anchor=\"end\">\(escape(Formatting.fixed(high, decimals: high.magnitude < 100 ? 1 : 0)))</text>"
        out +=
            "<text x=\"\(c(left - 3))\" y=\"\(c(y(low) + 3))\" font-size=\"\(size)\" text-anchor=\"end\">\(escape(Formatting.fixed(low, decimals: low.magnitude < 100 ? 1 : 0)))</text>"
        let middle = (frame.top + height - frame.bottom) / 2
        let titleX = Double(size)
        out +=
            "<text x=\"\(c(titleX))\" y=\"\(c(middle))\" font-size=\"\(size)\" text-anchor=\"middle\" transform=\"rotate(-90 \(c(titleX)) \(c(middle)))\">\(escape(Self.axisTitle(chart)))</text>"
        out +=
            "<text x=\"\(c(left))\" y=\"\(c(axisY))\" font-size=\"\(size)\">\(escape(chart.points.first!.label))</text>"
        out +=
            "<text x=\"\(c(width - right))\" y=\"\(c(axisY))\" font-size=\"\(size)\" text-anchor=\"end\">\(escape(chart.points.last!.label))</text>"
        return out
    }

    /// Variation and assurance icons: shapes with text labels.
    private func icons(_ chart: SPCChart, _ frame: PlotFrame) -> String {
        let (full, right, width, top) = (frame.full, frame.right, frame.width, frame.top)
        var out = ""
        let iconX = width - right + (full ? 16 : 12)
        if let variation = chart.variationIcon {
            out += icon(
                shape: "circle",
                colour: Self.iconColour(variation),
                letter: Self.iconLetter(variation),
                label: full ? Formatting.label(variation.rawValue) : nil,
                x: iconX,
                y: top + 12,
                radius: full ? 11 : 8
            )
        }
        if let assurance = chart.assuranceIcon {
            out += icon(
                shape: "square",
                colour: assurance == .consistentPass
                    ? "#005eb8" : (assurance == .consistentFail ? "#b35c00" : "#5c5e5e"),
                letter: assurance == .consistentPass ? "P" : (assurance == .consistentFail ? "F" : "?"),
                label: full ? Formatting.label(assurance.rawValue) : nil,
                x: iconX,
                y: top + (full ? 40 : 32),
                radius: full ? 11 : 8
            )
        }
        return out
    }

    func icon(
        shape: String,
        colour: String,
        letter: String,
        label: String?,
        x: Double,
        y: Double,
        radius: Double
    ) -> String {
        let c = Formatting.coordinate
        var out = "<g class=\"icon\">"
        out +=
            shape == "circle"
            ? "<circle cx=\"\(c(x))\" cy=\"\(c(y))\" r=\"\(c(radius))\" fill=\"\(colour)\"/>"
            : "<rect x=\"\(c(x - radius))\" y=\"\(c(y - radius))\" width=\"\(c(radius * 2))\" height=\"\(c(radius * 2))\" fill=\"\(colour)\"/>"
        out +=
            "<text x=\"\(c(x))\" y=\"\(c(y + radius * 0.4))\" font-size=\"\(c(radius * 1.1))\" text-anchor=\"middle\" fill=\"#fff\">\(letter)</text>"
        if let label {
            out += "<text x=\"\(c(x - radius))\" y=\"\(c(y + radius + 11))\" font-size=\"9\">\(escape(label))</text>"
        }
        return out + "</g>"
    }

    /// An icon's fill, dark enough for its white letter (WCAG 2.2 AA text, 4.5:1): Making Data Count's
    /// blue and purple as they are (6.4:1, 11.2:1), its orange and grey darkened (`#b35c00` 4.7:1,
    /// `#5c5e5e` 6.4:1; the points keep the lighter shades, which need only 3:1 against white).
    static func iconColour(_ icon: SPCVariationIcon) -> String {
        switch icon {
        case .improvementHigh, .improvementLow: "#005eb8"
        case .concernHigh, .concernLow: "#b35c00"
        case .neutralHigh, .neutralLow: "#5a2a82"
        case .commonCause: "#5c5e5e"
        }
    }

    static func iconLetter(_ icon: SPCVariationIcon) -> String {
        switch icon {
        case .improvementHigh, .concernHigh, .neutralHigh: "H"
        case .improvementLow, .concernLow, .neutralLow: "L"
        case .commonCause: "~"
        }
    }

    /// A bar's fill by its rating, each at least 3:1 against the white page (WCAG 2.2's 1.4.11):
    /// amber darkened from the NHS warm yellow, which is 1.7:1, to `#b07800`, 3.8:1.
    static let barColours = ["red": "#d5281b", "amber": "#b07800", "green": "#007f3b"]

    func bars(_ chart: BarChart, id: String) -> String {
        let c = Formatting.coordinate
        let rowHeight = 22.0
        let width = 640.0
        let labelWidth = 220.0
        let height = Double(max(1, chart.bars.count)) * rowHeight + 10
        let maximum = max(1, chart.bars.map(\.value).max() ?? 1)
        let description =
            "\(chart.title): "
            + chart.bars.map {
                "\($0.label) \(Formatting.fixed($0.value, decimals: $0.value == $0.value.rounded() ? 0 : 1))"
            }.joined(separator: "; ") + "."
        var out =
            "<figure class=\"chart\">\n<svg xmlns=\"http://www.w3.org/2000/svg\" font-family=\"Arial,Helvetica,sans-serif\" role=\"img\" aria-labelledby=\"\(id)t \(id)d\" viewBox=\"0 0 \(c(width)) \(c(height))\" width=\"\(c(width))\" height=\"\(c(height))\">"
        out += "<title id=\"\(id)t\">\(escape(chart.title))</title><desc id=\"\(id)d\">\(escape(description))</desc>"
        for (index, bar) in chart.bars.enumerated() {
            let y = 5 + Double(index) * rowHeight
            let length = bar.value / maximum * (width - labelWidth - 60)
            let fill =
                bar.rag.map { Self.barColours[$0.rawValue]! } ?? "#005eb8"
            out +=
                "<text x=\"\(c(labelWidth - 6))\" y=\"\(c(y + 14))\" font-size=\"11\" text-anchor=\"end\">\(escape(bar.label))</text>"
            out +=
                "<rect x=\"\(c(labelWidth))\" y=\"\(c(y + 3))\" width=\"\(c(length))\" height=\"\(c(rowHeight - 8))\" fill=\"\(fill)\"/>"
            out +=
                "<text x=\"\(c(labelWidth + length + 4))\" y=\"\(c(y + 14))\" font-size=\"11\">\(escape(Formatting.fixed(bar.value, decimals: bar.value == bar.value.rounded() ? 0 : 1)))</text>"
        }
        out += "</svg>\n<figcaption>\(escape(chart.title))</figcaption>\n"
        out += table(
            "Data for \(chart.title)",
            [chart.category, chart.valueHeading],
            chart.bars.map {
                [
                    ($0.label, false, nil),
                    (Formatting.fixed($0.value, decimals: $0.value == $0.value.rounded() ? 0 : 1), true, $0.rag),
                ]
            }
        )
        return out + "</figure>\n"
    }

    /// Escapes text for XHTML.
    func escape(_ text: String) -> String {
        // Most text has nothing to escape: return it as it is.
        if !text.utf8.contains(where: {
            $0 == 0x26 || $0 == 0x3C || $0 == 0x3E || $0 == 0x22 || $0 == 0x27 || $0 < 0x20
        }) {
            return text
        }
        var out = ""
        out.reserveCapacity(text.utf8.count)
        for character in text.unicodeScalars {
            switch character {
            case "&": out += "&amp;"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "\"": out += "&quot;"
            case "'": out += "&#39;"
            default:
                // Control characters are not allowed in XML.
                if character.value < 0x20 && character != "\n" && character != "\t" { continue }
                out.unicodeScalars.append(character)
            }
        }
        return out
    }

    static let style = """
        body{font-family:Arial,Helvetica,sans-serif;color:#212b32;margin:0 auto;max-width:70rem;padding:1rem;line-height:1.4}
        h1{font-size:1.9rem;margin-bottom:.2rem}h2{border-bottom:2px solid #005eb8;padding-bottom:.2rem;margin-top:2rem}
        .meta{color:#4c6272}nav ol{columns:2}nav a{display:inline-block;min-height:24px;line-height:24px}h2.contents{border:0;font-size:1.1rem}
        table{border-collapse:collapse;margin:.8rem 0;width:100%}caption{text-align:left;font-weight:bold;padding:.3rem 0}
        th,td{border:1px solid #d8dde0;padding:.25rem .4rem;text-align:left;vertical-align:top}td.num,table.data td{text-align:right}table.data td:last-child{text-align:left}
        thead th{background:#f0f4f5}.rag-red{background:#f6d2cf}.rag-amber{background:#fff0c7}.rag-green{background:#cce5d8}
        ul.figures,ul.tiles{list-style:none;padding:0;display:flex;flex-wrap:wrap;gap:.6rem}
        .figure,.tile{border:1px solid #d8dde0;border-left:6px solid #768692;padding:.4rem .6rem;min-width:10rem}
        .figure.rag-red,.tile.rag-red{border-left-color:#d5281b}.figure.rag-amber,.tile.rag-amber{border-left-color:#ffb81c}
        .figure.rag-green,.tile.rag-green{border-left-color:#007f3b}
        .figure .value,.tile .value{display:block;font-size:1.5rem;font-weight:bold}.label,.detail,.rag{display:block}.detail{color:#4c6272;font-size:.85rem}
        ol.findings li{margin-bottom:.8rem}ol.findings dl{display:grid;grid-template-columns:7rem 1fr;margin:.2rem 0;font-size:.9rem}
        ol.findings dt{font-weight:bold}ol.options{margin:0;padding-left:1.2rem}ol.options li{margin-bottom:0}.message{font-weight:bold;margin:0}
        figure{margin:1rem 0}.multiples{display:grid;grid-template-columns:repeat(auto-fill,minmax(270px,1fr));gap:.5rem}
        figure.small{margin:0;border:1px solid #eef0f1;padding:.3rem}figure.small figcaption{font-size:.8rem}
        figure.small details table{font-size:.75rem}svg{max-width:100%;height:auto;font-family:Arial,Helvetica,sans-serif}
        td,th{overflow-wrap:break-word}td.num{white-space:nowrap}
        @page{size:A4;margin:14mm 12mm 16mm;@bottom-right{content:"Page " counter(page) " of " counter(pages);font:8pt Arial,Helvetica,sans-serif;color:#4c6272}}
        @media print{nav,details summary{display:none}details{display:block}section{break-before:auto}figure,li,tr{break-inside:avoid}
        thead{display:table-header-group}h2,h3,caption{break-after:avoid}
        body{max-width:none;font-size:9.5pt;margin:0}table{font-size:8.5pt}.multiples{grid-template-columns:repeat(2,1fr)}}

        """
}
