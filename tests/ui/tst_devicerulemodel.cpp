#include "DemoData.h"
#include "DeviceRuleModel.h"
#include "RingBounds.h"
#include "SettingsDocument.h"

#include <QAbstractItemModelTester>
#include <QSignalSpy>
#include <QTest>

using namespace Qt::StringLiterals;

class TestDeviceRuleModel : public QObject
{
    Q_OBJECT

private slots:
    void init()
    {
        m_document = std::make_unique<SettingsDocument>();
        QVERIFY(!m_document->reset(demoSettings()));
        m_model = std::make_unique<DeviceRuleModel>(m_document.get());
        m_tester = std::make_unique<QAbstractItemModelTester>(
            m_model.get(), QAbstractItemModelTester::FailureReportingMode::QtTest);
    }
    void cleanup()
    {
        m_tester.reset();
        m_model.reset();
        m_document.reset();
    }

    void rowsAndColumns()
    {
        QCOMPARE(m_model->rowCount(), 6);
        QCOMPARE(m_model->columnCount(), int(DeviceRuleModel::ColumnCount));
        QCOMPARE(m_model->index(DemoRow::dect, DeviceRuleModel::DeviceColumn).data().toString(),
                 u"DECT handset"_s);
        QCOMPARE(m_model->index(DemoRow::dect, 0).data(DeviceRuleModel::WorkspaceRole).toString(),
                 u"Warehouse"_s);
        QVERIFY(m_model->index(DemoRow::reception, 0).data(DeviceRuleModel::LockedRole).toBool());
        QVERIFY(!m_model->index(DemoRow::privateMobile, 0)
                     .data(DeviceRuleModel::ControllableRole)
                     .toBool());
        QVERIFY(m_model->index(DemoRow::desk, 0).data(DeviceRuleModel::ControlledRole).toBool());
    }

    void followsCallKind()
    {
        const QModelIndex delay = m_model->index(DemoRow::mobile, DeviceRuleModel::DelayColumn);
        QCOMPARE(delay.data(Qt::EditRole).toInt(), 10);
        QSignalSpy changed(m_model.get(), &QAbstractItemModel::dataChanged);
        m_model->setCallKind(CallKind::Internal);
        QCOMPARE(changed.count(), 1);
        QCOMPARE(delay.data(Qt::EditRole).toInt(), 15);
        QCOMPARE(delay.data(Qt::DisplayRole).toString(), u"15 s"_s);
        m_model->setCallKind(CallKind::Teams);
        QCOMPARE(m_model->index(DemoRow::mobile, DeviceRuleModel::EnabledColumn)
                     .data(Qt::CheckStateRole)
                     .value<Qt::CheckState>(),
                 Qt::Unchecked);
    }

    void editsGoToTheDocument()
    {
        m_model->setCallKind(CallKind::Teams);
        QSignalSpy changed(m_model.get(), &QAbstractItemModel::dataChanged);
        QVERIFY(
            m_model->setData(m_model->index(DemoRow::dect, DeviceRuleModel::TimeoutColumn), 45));
        QCOMPARE(m_document->settings().devices.at(DemoRow::dect).rule(CallKind::Teams).timeout,
                 45);
        // Other call kinds keep their values.
        QCOMPARE(m_document->settings().devices.at(DemoRow::dect).rule(CallKind::External).timeout,
                 30);
        QCOMPARE(changed.count(), 1);
        QCOMPARE(changed.at(0).at(0).value<QModelIndex>().row(), DemoRow::dect);

        QVERIFY(m_model->setData(m_model->index(DemoRow::mobile, DeviceRuleModel::EnabledColumn),
                                 Qt::Checked, Qt::CheckStateRole));
        QVERIFY(m_document->settings().devices.at(DemoRow::mobile).rule(CallKind::Teams).enabled);
    }

    // A spinner's value is an edit of that field only, and reaches the document as such.
    void aSpinnerEditsOneField()
    {
        QList<RuleChange> changes;
        connect(m_document.get(), &SettingsDocument::ruleEdited, this,
                [&changes](const QString &, CallKind, const RuleChange &change) {
                    changes.append(change);
                });
        QVERIFY(
            m_model->setData(m_model->index(DemoRow::desk, DeviceRuleModel::TimeoutColumn), 33));
        QCOMPARE(changes.size(), 1);
        QVERIFY(!changes.constFirst().enabled);
        QVERIFY(!changes.constFirst().delay);
        QCOMPARE(changes.constFirst().timeout, std::optional<int>(33));
    }

    void refusesBadEdits()
    {
        const FollowMeSettings before = m_document->settings();
        QSignalSpy refused(m_model.get(), &DeviceRuleModel::editRefused);
        QVERIFY(
            !m_model->setData(m_model->index(DemoRow::reception, DeviceRuleModel::DelayColumn), 3));
        QVERIFY(!m_model->setData(m_model->index(DemoRow::desk, DeviceRuleModel::DelayColumn),
                                  RingBounds::maxDelay + 1));
        QVERIFY(
            !m_model->setData(m_model->index(DemoRow::desk, DeviceRuleModel::TimeoutColumn), 0));
        QVERIFY(!m_model->setData(m_model->index(DemoRow::desk, DeviceRuleModel::DelayColumn),
                                  u"soon"_s));
        QVERIFY(!m_model->setData(m_model->index(DemoRow::desk, DeviceRuleModel::DeviceColumn),
                                  u"Renamed"_s));
        QCOMPARE(refused.count(), 3);
        QCOMPARE(m_document->settings(), before);
    }

    void lockedRowsAreNotEditable()
    {
        for (int column = 0; column < DeviceRuleModel::ColumnCount; ++column) {
            const Qt::ItemFlags flags = m_model->flags(m_model->index(DemoRow::reception, column));
            QVERIFY(!(flags & Qt::ItemIsEditable));
            QVERIFY(!(flags & Qt::ItemIsUserCheckable));
        }
        QVERIFY(!(m_model->flags(m_model->index(DemoRow::reception, DeviceRuleModel::DelayColumn))
                  & Qt::ItemIsEnabled));
        QVERIFY(m_model->flags(m_model->index(DemoRow::desk, DeviceRuleModel::DelayColumn))
                & Qt::ItemIsEditable);
        QVERIFY(!m_model->index(DemoRow::reception, 0).data(Qt::ToolTipRole).toString().isEmpty());
    }

    void documentResetResetsTheModel()
    {
        QSignalSpy reset(m_model.get(), &QAbstractItemModel::modelReset);
        FollowMeSettings fewer = demoSettings();
        fewer.devices.remove(2, 3);
        QVERIFY(!m_document->reset(fewer));
        QCOMPARE(reset.count(), 1);
        QCOMPARE(m_model->rowCount(), 3);
    }

private:
    std::unique_ptr<SettingsDocument> m_document;
    std::unique_ptr<DeviceRuleModel> m_model;
    std::unique_ptr<QAbstractItemModelTester> m_tester;
};

QTEST_MAIN(TestDeviceRuleModel)
#include "tst_devicerulemodel.moc"
