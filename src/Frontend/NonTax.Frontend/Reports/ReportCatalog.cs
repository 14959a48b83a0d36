namespace NonTax.Frontend.Reports;

/// <summary>
/// The reports of the bureau's statistics (统计分析), grouped as staff know them: base data, banks,
/// income. Base data comes from the latest version of each row in <c>base_data_changes</c> (the
/// projection of every base-data change); income from accepted confirmations
/// (<c>payment_confirmations</c>, outcome revenue) by confirmation day, and the paid notices'
/// lines. Every query is one statement, filtered and aggregated in PostgreSQL.
/// </summary>
public static class ReportCatalog
{
    public const string BaseDataGroup = "基础数据";
    public const string BankGroup = "银行";
    public const string IncomeGroup = "收入";

    private static string Latest(string entity) =>
        $"SELECT DISTINCT ON (key) key, after FROM nontax.base_data_changes WHERE entity = '{entity}' ORDER BY key, version DESC";

    private static readonly string Units = $"units AS ({Latest("unit")})";
    private static readonly string Items = $"items AS ({Latest("item")})";
    private static readonly string Banks = $"banks AS ({Latest("agentBank")})";
    private static readonly string Rights = $"rights AS ({Latest("collectionRight")})";

    /// <summary>Accepted payments (revenue) in the filter's days, unit and bank.</summary>
    private const string Revenue = """
        revenue AS (SELECT * FROM nontax.payment_confirmations
                     WHERE outcome = 'revenue' AND cfm_date BETWEEN $1 AND $2
                       AND ($3::text IS NULL OR unit_code = $3) AND ($4::text IS NULL OR src = $4))
        """;

    /// <summary>The revenue split by the paid notice's lines and item; a late fee is its own line (item 滞纳金).</summary>
    private const string RevenueLines = """
        revenue_lines AS (
            SELECT r.unit_code, l.item_code, l.item_name, l.amount FROM revenue r JOIN nontax.notice_lines l ON l.pay_code = r.pay_code
            UNION ALL
            SELECT r.unit_code, '-', '滞纳金', r.late_fee FROM revenue r WHERE coalesce(r.late_fee, 0) <> 0)
        """;

    public static IReadOnlyList<ReportDefinition> All { get; } =
    [
        new("units", BaseDataGroup, "执收单位一览表", "每个执收单位的名称、主管部门、区划、收款账户和状态", false,
            [new("单位代码"), new("单位名称"), new("主管部门"), new("行政区划"), new("收款账户"), new("状态")],
            $"""
            WITH {Units}
            SELECT key, after->>'name', after->>'supervisingDepartment', after->>'regionCode', after->>'payeeAccountNo', after->>'status'
              FROM units WHERE after IS NOT NULL AND ($3::text IS NULL OR key = $3) ORDER BY key
            """),
        new("unit-items", BaseDataGroup, "单位项目一览表", "每个单位有权执收的项目及其收费标准", false,
            [new("单位代码"), new("单位名称"), new("项目编码"), new("全国项目编码"), new("项目名称"), new("计量单位"), new("标准类型"),
                new("标准下限", ReportColumnKind.Money), new("标准上限", ReportColumnKind.Money), new("资金性质")],
            $"""
            WITH {Rights}, {Items}, {Units}
            SELECT split_part(r.key, '/', 1), u.after->>'name', r.after->>'itemCode', r.after->>'nationalItemCode', i.after->>'name',
                   i.after->>'unitOfMeasure', i.after->'standard'->>'kind', (i.after->'standard'->>'lower')::numeric,
                   (i.after->'standard'->>'upper')::numeric, i.after->>'fundType'
              FROM rights r LEFT JOIN items i ON i.key = r.after->>'itemCode' LEFT JOIN units u ON u.key = split_part(r.key, '/', 1)
             WHERE r.after IS NOT NULL AND ($3::text IS NULL OR split_part(r.key, '/', 1) = $3)
             ORDER BY 1, 3
            """),
        new("item-categories", BaseDataGroup, "单位项目分类", "单位执收项目按资金性质和预算科目分类", false,
            [new("资金性质"), new("预算科目"), new("项目数", ReportColumnKind.Count), new("单位数", ReportColumnKind.Count), new("项目")],
            $"""
            WITH {Rights}, {Items}
            SELECT coalesce(i.after->>'fundType', ''), coalesce(i.after->>'budgetSubject', ''), count(DISTINCT r.after->>'itemCode'),
                   count(DISTINCT split_part(r.key, '/', 1)), string_agg(DISTINCT i.after->>'name', '、')
              FROM rights r LEFT JOIN items i ON i.key = r.after->>'itemCode'
             WHERE r.after IS NOT NULL AND ($3::text IS NULL OR split_part(r.key, '/', 1) = $3)
             GROUP BY 1, 2 ORDER BY 1, 2
            """),
        new("bank-accounts", BankGroup, "代理银行账户一览表", "财政专户、汇缴户、国库和单位监管账户及其开户银行", false,
            [new("账号"), new("账户名称"), new("银行代码"), new("开户银行"), new("账户类型"), new("启用")],
            $"""
            WITH accounts AS ({Latest("fiscalAccount")})
            SELECT key, after->>'name', after->>'bankCode', after->>'bankName', after->>'accountType',
                   CASE WHEN (after->>'active')::boolean THEN '是' ELSE '否' END
              FROM accounts WHERE after IS NOT NULL ORDER BY key
            """),
        new("bank-outlets", BankGroup, "银行网点", "代理银行的网点", false,
            [new("网点代码"), new("网点名称"), new("银行节点"), new("银行名称")],
            $"""
            WITH outlets AS ({Latest("outlet")}), {Banks}
            SELECT o.key, o.after->>'name', o.after->>'bankNodeCode', b.after->>'name'
              FROM outlets o LEFT JOIN banks b ON b.key = o.after->>'bankNodeCode'
             WHERE o.after IS NOT NULL AND ($4::text IS NULL OR o.after->>'bankNodeCode' = $4)
             ORDER BY o.after->>'bankNodeCode', o.key
            """),
        new("income-by-unit-bank", BankGroup, "单位分银行收入", "各单位在各银行的收款笔数和金额", true,
            [new("单位代码"), new("单位名称"), new("银行节点"), new("银行名称"), new("笔数", ReportColumnKind.Count), new("金额", ReportColumnKind.Money)],
            $"""
            WITH {Revenue}, {Units}, {Banks}
            SELECT r.unit_code, u.after->>'name', r.src, b.after->>'name', count(*), sum(r.amount)
              FROM revenue r LEFT JOIN units u ON u.key = r.unit_code LEFT JOIN banks b ON b.key = r.src
             GROUP BY 1, 2, 3, 4 ORDER BY 1, 3
            """,
            ReportChartKind.Structure, ChartLabel: 3, ChartValue: 5),
        new("bank-receipts", BankGroup, "银行收款明细", "每一笔银行缴款确认：入账的收入和重复缴款（已退付）", true,
            [new("确认日期", ReportColumnKind.Date), new("时间"), new("银行节点"), new("银行流水号"), new("缴款码"), new("单位代码"),
                new("缴款人"), new("金额", ReportColumnKind.Money), new("缴款渠道"), new("网点"), new("结果"), new("退付号")],
            """
            SELECT cfm_date, coalesce(cfm_time, ''), src, tra_no_bus, pay_code, unit_code, coalesce(payer_name, ''), amount,
                   coalesce(pay_mode, ''), coalesce(bank_outlet, ''), CASE outcome WHEN 'revenue' THEN '收入' ELSE '重复缴款' END, coalesce(refund_no, '')
              FROM nontax.payment_confirmations
             WHERE outcome IN ('revenue', 'duplicate') AND cfm_date BETWEEN $1 AND $2
               AND ($3::text IS NULL OR unit_code = $3) AND ($4::text IS NULL OR src = $4)
             ORDER BY cfm_date, src, tra_no_bus
            """),
        new("notice-receipts", IncomeGroup, "缴款书收款明细", "已缴款的缴款通知书：应缴、实缴、收款银行和项目", true,
            [new("缴款码"), new("单位代码"), new("缴款人"), new("开具日期", ReportColumnKind.Date), new("应缴金额", ReportColumnKind.Money),
                new("实缴金额", ReportColumnKind.Money), new("收款银行"), new("银行流水号"), new("确认日期", ReportColumnKind.Date), new("项目")],
            """
            SELECT n.pay_code, n.unit_code, n.payer_name, n.issue_date, n.notice_amount, n.paid_amount, n.paid_src, n.paid_tra_no_bus, n.paid_cfm_date,
                   (SELECT string_agg(l.item_name, '、' ORDER BY l.line_no) FROM nontax.notice_lines l WHERE l.pay_code = n.pay_code)
              FROM nontax.notices n
             WHERE n.status = 'paid' AND n.paid_cfm_date BETWEEN $1 AND $2
               AND ($3::text IS NULL OR n.unit_code = $3) AND ($4::text IS NULL OR n.paid_src = $4)
             ORDER BY n.paid_cfm_date, n.pay_code
            """),
        new("unit-bank-funds", IncomeGroup, "单位银行资金对应", "各单位的收入进入哪个账户、经哪家银行", true,
            [new("单位代码"), new("单位名称"), new("收款账户"), new("银行节点"), new("笔数", ReportColumnKind.Count), new("金额", ReportColumnKind.Money)],
            $"""
            WITH {Revenue}, {Units}
            SELECT r.unit_code, u.after->>'name', coalesce(r.payee_acct, ''), r.src, count(*), sum(r.amount)
              FROM revenue r LEFT JOIN units u ON u.key = r.unit_code
             GROUP BY 1, 2, 3, 4 ORDER BY 1, 3, 4
            """),
        new("unit-income-by-category", IncomeGroup, "单位收入分类", "各单位的收入按资金性质和预算科目分类（滞纳金单列）", true,
            [new("单位代码"), new("单位名称"), new("资金性质"), new("预算科目"), new("金额", ReportColumnKind.Money)],
            $"""
            WITH {Revenue}, {RevenueLines}, {Items}, {Units}
            SELECT l.unit_code, u.after->>'name', coalesce(i.after->>'fundType', l.item_name), coalesce(i.after->>'budgetSubject', ''), sum(l.amount)
              FROM revenue_lines l LEFT JOIN items i ON i.key = l.item_code LEFT JOIN units u ON u.key = l.unit_code
             GROUP BY 1, 2, 3, 4 ORDER BY 1, 3, 4
            """,
            ReportChartKind.Structure, ChartLabel: 2, ChartValue: 4),
        new("unit-income-structure", IncomeGroup, "单位收入结构", "各单位的收入按项目，及每个项目占该单位收入的比例", true,
            [new("单位代码"), new("单位名称"), new("项目编码"), new("项目名称"), new("金额", ReportColumnKind.Money), new("占单位收入", ReportColumnKind.Percent)],
            $"""
            WITH {Revenue}, {RevenueLines}, {Units},
                 by_item AS (SELECT unit_code, item_code, item_name, sum(amount) AS amount FROM revenue_lines GROUP BY 1, 2, 3)
            SELECT b.unit_code, u.after->>'name', b.item_code, b.item_name, b.amount,
                   round(100 * b.amount / nullif(sum(b.amount) OVER (PARTITION BY b.unit_code), 0), 2)
              FROM by_item b LEFT JOIN units u ON u.key = b.unit_code
             ORDER BY 1, 5 DESC, 3
            """,
            ReportChartKind.Structure, ChartLabel: 3, ChartValue: 4),
        new("income-trend", IncomeGroup, "收入趋势", "每天的收款笔数、金额和重复缴款", true,
            [new("日期", ReportColumnKind.Date), new("笔数", ReportColumnKind.Count), new("金额", ReportColumnKind.Money),
                new("重复缴款笔数", ReportColumnKind.Count), new("重复缴款金额", ReportColumnKind.Money)],
            """
            SELECT d::date,
                   count(c.*) FILTER (WHERE c.outcome = 'revenue'), coalesce(sum(c.amount) FILTER (WHERE c.outcome = 'revenue'), 0),
                   count(c.*) FILTER (WHERE c.outcome = 'duplicate'), coalesce(sum(c.amount) FILTER (WHERE c.outcome = 'duplicate'), 0)
              FROM generate_series($1::date, $2::date, interval '1 day') AS d
              LEFT JOIN nontax.payment_confirmations c
                ON c.cfm_date = d::date AND c.outcome IN ('revenue', 'duplicate')
               AND ($3::text IS NULL OR c.unit_code = $3) AND ($4::text IS NULL OR c.src = $4)
             GROUP BY d ORDER BY d
            """,
            ReportChartKind.Trend, ChartLabel: 0, ChartValue: 2),
    ];

    public static ReportDefinition? Find(string name) => All.FirstOrDefault(r => string.Equals(r.Name, name, StringComparison.Ordinal));
}
