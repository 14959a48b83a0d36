using System.Globalization;
using System.Text;

namespace NonTax.EBills.Rendering;

/// <summary>
/// An amount in Chinese capitals (金额大写) as bills print it: 壹佰贰拾叁元肆角伍分, 捌拾元整,
/// 零元整; a red-letter (negative) amount starts with 负. Zeros between digits read once as 零.
/// </summary>
public static class ChineseAmount
{
    private const string Digits = "零壹贰叁肆伍陆柒捌玖";
    private static readonly string[] SmallUnits = ["", "拾", "佰", "仟"];
    private static readonly string[] GroupUnits = ["", "万", "亿", "万亿"];

    /// <summary>The capitals of a yuan amount with at most two decimals and under 10^16 yuan.</summary>
    public static string Capitals(decimal amount)
    {
        if (decimal.Round(amount, 2) != amount || Math.Abs(amount) >= 10_000_000_000_000_000m)
        {
            throw new ArgumentOutOfRangeException(nameof(amount), amount, "an amount in yuan with at most two decimals, below 10^16");
        }

        var text = new StringBuilder();
        if (amount < 0)
        {
            text.Append('负');
            amount = -amount;
        }

        var yuan = (long)decimal.Truncate(amount);
        var cents = (int)((amount - yuan) * 100);
        var jiao = cents / 10;
        var fen = cents % 10;
        if (yuan > 0)
        {
            text.Append(Integer(yuan)).Append('元');
        }

        if (jiao == 0 && fen == 0)
        {
            return (yuan == 0 ? text.Append("零元") : text).Append('整').ToString();
        }

        if (jiao > 0)
        {
            text.Append(Digits[jiao]).Append('角');
        }
        else if (yuan > 0)
        {
            text.Append('零');
        }

        if (fen > 0)
        {
            text.Append(Digits[fen]).Append('分');
        }

        return text.ToString();
    }

    private static string Integer(long value)
    {
        var digits = value.ToString(CultureInfo.InvariantCulture);
        var text = new StringBuilder();
        var pendingZero = false;
        for (var i = 0; i < digits.Length; i++)
        {
            var position = digits.Length - 1 - i;
            var digit = digits[i] - '0';
            if (digit == 0)
            {
                pendingZero = text.Length > 0;
            }
            else
            {
                if (pendingZero)
                {
                    text.Append('零');
                    pendingZero = false;
                }

                text.Append(Digits[digit]).Append(SmallUnits[position % 4]);
            }

            if (position % 4 == 0 && position > 0 && GroupHasDigit(digits, i))
            {
                text.Append(GroupUnits[position / 4]);
            }
        }

        return text.ToString();
    }

    // Whether the four-digit group ending at index i has a non-zero digit (so its unit 万/亿 is said).
    private static bool GroupHasDigit(string digits, int i)
    {
        for (var j = Math.Max(0, i - 3); j <= i; j++)
        {
            if (digits[j] != '0')
            {
                return true;
            }
        }

        return false;
    }
}
