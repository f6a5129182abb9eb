extension AssuranceFramework {
    /// Stages each module's signals for a day: new ones raised, cleared ones raised again, standing
    /// ones brought up to date, and those a module no longer publishes cleared.
    ///
    /// - Returns: Every signal as the transaction will leave it, with the version each will have.
    func stageSignals(
        on day: Day,
        in view: AssuranceView,
        into batch: inout RecordBatch,
        outcome: inout CycleOutcome
    ) async throws -> [Versioned<Signal>] {
        let held = try await view.versioned(Signal.self)
        var after = held.keyed(by: \.value.key)
        for module in modules {
            var seen = Set<String>()
            for draft in try await module.signals(in: view, on: day) where seen.insert(draft.key).inserted {
                if let existing = after[draft.key] {
                    after[draft.key] = try refresh(existing, with: draft, by: module, on: day, into: &batch, &outcome)
                } else {
                    let signal = publish(draft, by: module, on: day)
                    try batch.save(signal, version: 0)
                    outcome.signalsRaised.append(signal)
                    after[draft.key] = Versioned(signal, version: 1)
                }
            }
            for existing in held
            where module.published(existing.value) && existing.value.status == .active
                && !seen.contains(existing.value.key)
            {
                var signal = existing.value
                signal.status = .cleared
                signal.lastSeenOn = day
                try batch.save(signal, version: existing.version)
                outcome.signalsCleared.append(signal)
                after[signal.key] = Versioned(signal, version: existing.version + 1)
            }
        }
        return Array(after.values)
    }

    private func refresh(
        _ existing: Versioned<Signal>,
        with draft: SignalDraft,
        by module: any AssuranceModule,
        on day: Day,
        into batch: inout RecordBatch,
        _ outcome: inout CycleOutcome
    ) throws -> Versioned<Signal> {
        var signal = existing.value
        if signal.status == .cleared {
            signal.status = .active
            signal.raisedOn = day
            signal.explanation = nil
            signal.linkedRecords = []
            signal.firstPeriod = draft.firstPeriod
            outcome.signalsRaised.append(signal)
        }
        signal.kind = draft.kind
        signal.latestPeriod = draft.latestPeriod
        signal.periodsStanding = draft.periodsStanding
        signal.summary = draft.summary
        signal.publishedBy = module.id
        guard signal != existing.value else { return existing }
        signal.lastSeenOn = day
        try batch.save(signal, version: existing.version)
        return Versioned(signal, version: existing.version + 1)
    }

    private func publish(_ draft: SignalDraft, by module: any AssuranceModule, on day: Day) -> Signal {
        var signal = Signal(
            id: environment.ids.make(),
            key: draft.key,
            kind: draft.kind,
            subject: draft.subject,
            firstPeriod: draft.firstPeriod,
            latestPeriod: draft.latestPeriod,
            periodsStanding: draft.periodsStanding,
            raisedOn: day,
            summary: draft.summary
        )
        signal.publishedBy = module.id
        signal.category = draft.category
        return signal
    }
}
