using NonTax.Infrastructure.Hosting;

namespace NonTax.SocketEdge.Tests.Logging;

public class SensitiveDataMaskerTests
{
    [Theory]
    [InlineData("Token", SensitivePropertyKind.Secret)]
    [InlineData("NewToken", SensitivePropertyKind.Secret)]
    [InlineData("ApiToken", SensitivePropertyKind.Secret)]
    [InlineData("Password", SensitivePropertyKind.Secret)]
    [InlineData("ConnectionString", SensitivePropertyKind.Secret)]
    [InlineData("PayerAcct", SensitivePropertyKind.Identifier)]
    [InlineData("PayeeAccount", SensitivePropertyKind.Identifier)]
    [InlineData("AcctNo", SensitivePropertyKind.Identifier)]
    [InlineData("MobilePhone", SensitivePropertyKind.Identifier)]
    [InlineData("PhoneNumber", SensitivePropertyKind.Identifier)]
    [InlineData("CreditCode", SensitivePropertyKind.Identifier)]
    [InlineData("IdNumber", SensitivePropertyKind.Identifier)]
    [InlineData("PayerIdNo", SensitivePropertyKind.Identifier)]
    [InlineData("MsgId", SensitivePropertyKind.Reference)]
    [InlineData("PayCode", SensitivePropertyKind.Reference)]
    [InlineData("MsgNo", SensitivePropertyKind.Reference)]
    [InlineData("TraNoBus", SensitivePropertyKind.Reference)]
    [InlineData("Remote", SensitivePropertyKind.Ordinary)]
    [InlineData("Information", SensitivePropertyKind.Ordinary)]
    public void Classifies_property_names(string name, SensitivePropertyKind kind) =>
        Assert.Equal(kind, SensitiveDataMasker.Classify(name));

    [Theory]
    [InlineData("6222021234567890123", "622************0123")]
    [InlineData("13812345678", "138****5678")]
    [InlineData("91320682MA1XYZ1234", "913***********1234")]
    [InlineData("1234567", "*******")]
    [InlineData("", "")]
    public void Identifiers_keep_first_three_and_last_four(string value, string masked) =>
        Assert.Equal(masked, SensitiveDataMasker.MaskIdentifier(value));

    [Theory]
    [InlineData("call 13812345678 now", "call 138****5678 now")]
    [InlineData("电话13812345678，", "电话138****5678，")]
    [InlineData("id 32068219900101123X ok", "id 320***********123X ok")]
    [InlineData("id 320682199001011234 ok", "id 320***********1234 ok")]
    [InlineData("acct 6222021234567890123", "acct 622************0123")]
    [InlineData("acct 622202123456", "acct 622*****3456")]
    [InlineData("a:6222021234567890123456789,b", "a:622******************6789,b")]
    [InlineData("Bearer ntm_Ab12Cd34Ef56Gh78Ij90Kl12Mn34Op56Qr78St90 refused", "Bearer ntm_Ab12Cd*** refused")]
    public void Patterns_inside_text_are_masked(string text, string masked) =>
        Assert.Equal(masked, SensitiveDataMasker.MaskText(text));

    [Theory]
    [InlineData("paycode 32068225110100000001 paid")] // 20 digits: payment code (缴款码)
    [InlineData("MsgID 20261127164105123456")] // 20 digits: bank MsgID
    [InlineData("amount 12345678901.00")] // 11 digits not starting 1[3-9]… still a number staff need
    [InlineData("short 12345678901")] // 11 digits starting 12: not a mobile number
    [InlineData("D3206820105 F320682")] // node codes touch letters
    [InlineData("unit 0104901, item 103010101")]
    public void References_and_short_numbers_stay_visible(string text) =>
        Assert.Equal(text, SensitiveDataMasker.MaskText(text));
}
