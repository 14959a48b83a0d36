using NonTax.Grains.Abstractions.Journal;
using NonTax.Grains.Abstractions.Journal.Facts;
using NonTax.Grains.Abstractions.Notices;
using NonTax.Protocol.Results;
using NonTax.Protocol.Time;

namespace NonTax.Grains.Units;

// What happens to the unit's issued notices: voided on its request, their money remitted.
public sealed partial class CollectingUnitGrain
{
    public async Task<string> VoidNotice(string payCode, string operatorName, string reason)
    {
        if (S.Profile is null)
        {
            return ResultCodes.UnknownUnit;
        }

        var notice = GrainFactory.GetGrain<IPaymentNoticeGrain>(payCode);
        var record = await notice.GetDetails();
        if (record is null)
        {
            return ResultCodes.UnknownPayCode;
        }

        if (record.Details.UnitCode != UnitCode)
        {
            // Another unit's notice is, for this unit, a code it does not know.
            return ResultCodes.UnknownPayCode;
        }

        // Interleaves: it changes no unit state, and the notice settles without calling back.
        return await notice.Void(operatorName, reason);
    }

    public async Task MarkRemitted(IReadOnlyList<string> payCodes)
    {
        if (payCodes.Count == 0)
        {
            return;
        }

        // One fact per code, all in one unit write; the projection marks the paid notices remitted.
        // The id carries the instant so a later call for a code that was not yet paid still counts.
        var now = clock.GetUtcNow();
        var date = ChinaTime.ToBusinessDate(now);
        foreach (var code in payCodes.Distinct())
        {
            S.Journal.Record(BusinessFact.Create($"{code}:{now.UtcTicks}", code, now, new NoticeRemitted(code, UnitCode, date)));
        }

        await CommitAsync();
    }
}
