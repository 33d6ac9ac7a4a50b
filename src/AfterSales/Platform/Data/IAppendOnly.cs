namespace AfterSales.Platform.Data;

/// <summary>
/// A record that is written once and never changed or removed (a ledger entry): a correction is a
/// new record. <see cref="AppDbContext"/> refuses to save a modification or deletion of one.
/// </summary>
public interface IAppendOnly;
