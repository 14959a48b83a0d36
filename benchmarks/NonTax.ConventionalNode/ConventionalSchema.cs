using Npgsql;

namespace NonTax.ConventionalNode;

/// <summary>
/// The baseline's own tables, in schema <c>conventional</c> of the same database the system uses.
/// payment_confirmations and technical_refunds carry the columns the simulator's ledger check
/// reads from the system's projection, so one checker judges both.
/// </summary>
public static class ConventionalSchema
{
    public const string Ddl = """
        CREATE SCHEMA IF NOT EXISTS conventional;
        CREATE TABLE IF NOT EXISTS conventional.notices
        (
            pay_code      text          PRIMARY KEY,
            adm_div_code  text          NOT NULL,
            bill_date     date          NOT NULL,
            unit_code     text          NOT NULL,
            unit_name     text          NOT NULL,
            payer_name    text          NOT NULL,
            amount        numeric(17,2) NOT NULL,
            ori_amount    numeric(17,2) NOT NULL,
            delay_amount  numeric(17,2) NOT NULL,
            status        smallint      NOT NULL,
            rec_acct_type smallint      NOT NULL,
            rec_name      text          NOT NULL,
            rec_acct      text          NOT NULL,
            rec_op_bk     text          NOT NULL,
            pay_info      text          NOT NULL,
            memo          text          NOT NULL,
            issued_at     timestamptz   NOT NULL
        );
        CREATE TABLE IF NOT EXISTS conventional.payment_confirmations
        (
            src         text          NOT NULL,
            tra_no_bus  text          NOT NULL,
            pay_code    text          NOT NULL,
            amount      numeric(17,2) NOT NULL,
            outcome     text          NOT NULL CHECK (outcome IN ('revenue', 'duplicate')),
            result_code text          NOT NULL,
            recorded_at timestamptz   NOT NULL,
            PRIMARY KEY (src, tra_no_bus)
        );
        CREATE INDEX IF NOT EXISTS ix_conventional_confirmations_code ON conventional.payment_confirmations (pay_code);
        CREATE TABLE IF NOT EXISTS conventional.technical_refunds
        (
            refund_id      bigserial     PRIMARY KEY,
            pay_code       text          NOT NULL,
            bank           text          NOT NULL,
            ori_tra_no_bus text          NOT NULL,
            amount         numeric(17,2) NOT NULL,
            requested_at   timestamptz   NOT NULL,
            UNIQUE (bank, ori_tra_no_bus)
        );
        CREATE INDEX IF NOT EXISTS ix_conventional_refunds_code ON conventional.technical_refunds (pay_code);
        CREATE TABLE IF NOT EXISTS conventional.stored_replies
        (
            src    text  NOT NULL,
            msg_id text  NOT NULL,
            reply  bytea NOT NULL,
            PRIMARY KEY (src, msg_id)
        );
        CREATE TABLE IF NOT EXISTS conventional.message_archive
        (
            id          bigserial   PRIMARY KEY,
            src         text        NOT NULL,
            msg_no      text        NOT NULL,
            msg_id      text        NOT NULL,
            direction   char(1)     NOT NULL,
            frame       bytea       NOT NULL,
            archived_at timestamptz NOT NULL
        );
        """;

    public static async Task CreateAsync(NpgsqlDataSource dataSource, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(dataSource);
        await using var command = dataSource.CreateCommand(Ddl);
        await command.ExecuteNonQueryAsync(cancellationToken);
    }
}
