using NonTax.Grains.Abstractions;
using NonTax.Grains.Abstractions.Items;
using NonTax.Grains.Abstractions.Money;
using NonTax.Grains.Journal;
using NonTax.Protocol.Results;

namespace NonTax.Grains.Items;

public sealed class IncomeItemGrain(
    [PersistentState("item", StorageNames.Domain)] IPersistentState<IncomeItemState> state,
    TimeProvider clock) : Grain, IIncomeItemGrain
{
    public async Task<string> Define(IncomeItemDefinition definition, string operatorName)
    {
        if (definition.ItemCode != this.GetPrimaryKeyString())
        {
            return ResultCodes.MalformedField;
        }

        if (definition.NationalItemCode.Length != 12 || !definition.NationalItemCode.All(char.IsAsciiDigit)
            || definition.PaymentPeriodDays < 0 || definition.GraceDays < 0 || definition.LateFeeDailyRate < 0
            || !MoneyMath.IsValidAmount(definition.Standard.Lower) || !MoneyMath.IsValidAmount(definition.Standard.Upper)
            || definition.Standard.Lower > definition.Standard.Upper)
        {
            return ResultCodes.MalformedField;
        }

        // Bind first: a crash after it leaves a harmless mapping to an item that is defined on retry.
        await GrainFactory.GetGrain<INationalItemCodeGrain>(definition.NationalItemCode).Bind(definition.ItemCode);
        if (ChangeLog.Record(state.State, "item", definition.ItemCode, state.State.Definition, definition, operatorName, clock.GetUtcNow()))
        {
            state.State.Definition = definition;
            await state.CommitAsync(DeactivateOnIdle);
        }

        return ResultCodes.Success;
    }

    public Task<IncomeItemDefinition?> Get() => Task.FromResult(state.State.Definition);
}
