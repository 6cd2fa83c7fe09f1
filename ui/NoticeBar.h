#pragma once

#include <QFrame>
#include <QStringList>

class QLabel;
class QPushButton;

// Things the user must not miss (an edit of theirs was undone, the administrator changed a
// device), laid over the top of its parent rather than into the layout, so nothing under the
// pointer moves when one arrives. One at a time, the newest first, each until dismissed.
class NoticeBar : public QFrame
{
    Q_OBJECT

public:
    explicit NoticeBar(QWidget *parent);

    void addNotice(const QString &text);
    QStringList notices() const { return m_notices; }
    QLabel *textLabel() const { return m_text; }
    QPushButton *dismissButton() const { return m_dismiss; }
    // Dismisses the notice shown; the next one, if any, takes its place.
    void dismiss();

protected:
    bool eventFilter(QObject *watched, QEvent *event) override;
    void changeEvent(QEvent *event) override;

private:
    void showCurrent();
    void place();
    void retranslate();

    QStringList m_notices; // the newest first
    QLabel *m_text;
    QLabel *m_count;
    QPushButton *m_dismiss;
};
