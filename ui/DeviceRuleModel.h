#pragma once

#include "CallKind.h"
#include "PlanEditor.h"
#include "RingRule.h"
#include "RuleChange.h"
#include "SettingsDocument.h"
#include "ValidationError.h"

#include <QAbstractTableModel>
#include <QPointer>

#include <optional>

// The user's devices as rows and one call kind's ring rule as columns. Reads and writes go
// straight to the SettingsDocument, so every view of it (rows, chart, picker) agrees.
class DeviceRuleModel : public QAbstractTableModel
{
    Q_OBJECT

public:
    enum Column { EnabledColumn, DeviceColumn, DelayColumn, TimeoutColumn, ColumnCount };

    // Available on every column of a row.
    enum Role {
        DeviceIdRole = Qt::UserRole + 1,
        DeviceKindRole, // int(DeviceKind)
        NumberRole,
        WorkspaceRole, // empty when assigned to the user directly
        LockedRole, // the administrator manages this device
        ControllableRole, // "Client controls" may pick it
        ControlledRole, // it is the device the client controls
        RuleEnabledRole,
        DelayRole,
        TimeoutRole,
        RingEndRole, // delay + timeout
        PendingRole, // an edit of this rule is not confirmed by the server yet
    };

    explicit DeviceRuleModel(SettingsDocument *document, QObject *parent = nullptr);

    SettingsDocument *document() const { return m_document; }
    CallKind callKind() const { return m_kind; }
    void setCallKind(CallKind kind);
    // The profile whose rules are shown and edited: empty (or the active one's id) for the rules
    // in force; another one's are edited as that profile's (setProfileRule), not the active plan.
    QString shownProfile() const { return m_profile; }
    void setShownProfile(const QString &profileId);
    bool showsActiveProfile() const;

    RingRule rule(int row) const;
    // The single path every edit of the current call kind takes (spinners, toggles, chart):
    // through the editor (undoable) when there is one, else straight to the document.
    std::optional<ValidationError> setRule(int row, const RingRule &rule);
    // The same for the given fields only (a spinner's value, a switch): the change goes on as
    // it is, to the undo step, the document and the server.
    std::optional<ValidationError> editRule(int row, const RuleChange &change);
    void setEditor(PlanEditor *editor) { m_editor = editor; }
    // The end of one edit run (a spinner left, a drag released): the next edit is a new step.
    void endEditRun();

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    bool setData(const QModelIndex &index, const QVariant &value, int role = Qt::EditRole) override;
    Qt::ItemFlags flags(const QModelIndex &index) const override;
    QVariant headerData(int section, Qt::Orientation orientation,
                        int role = Qt::DisplayRole) const override;
    QHash<int, QByteArray> roleNames() const override;

signals:
    void callKindChanged(CallKind kind);
    void shownProfileChanged(const QString &profileId);
    // An edit was refused; the message says why, ready to show.
    void editRefused(const QString &message);

private:
    void emitRowChanged(int row);

    QPointer<SettingsDocument> m_document;
    QPointer<PlanEditor> m_editor;
    CallKind m_kind = CallKind::External;
    QString m_profile;
};
