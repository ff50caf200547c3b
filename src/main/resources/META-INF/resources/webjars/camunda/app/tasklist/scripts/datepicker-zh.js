// Duban: the date picker of Camunda Forms (flatpickr inside form-js) in Chinese: 一月…十二月, 周一…周日, weeks
// starting on Monday. form-js keeps the picker on its input (input._flatpickr); each new one is switched to Chinese.
const ZH = {
  weekdays: {
    shorthand: ['日', '一', '二', '三', '四', '五', '六'],
    longhand: ['星期日', '星期一', '星期二', '星期三', '星期四', '星期五', '星期六'],
  },
  months: {
    shorthand: ['1月', '2月', '3月', '4月', '5月', '6月', '7月', '8月', '9月', '10月', '11月', '12月'],
    longhand: ['一月', '二月', '三月', '四月', '五月', '六月', '七月', '八月', '九月', '十月', '十一月', '十二月'],
  },
  daysInMonth: [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31],
  firstDayOfWeek: 1,
  ordinal: () => '',
  rangeSeparator: ' 至 ',
  weekAbbreviation: '周',
  scrollTitle: '滚动切换',
  toggleTitle: '点击切换 12/24 小时时制',
  amPM: ['上午', '下午'],
  yearAriaLabel: '年',
  monthAriaLabel: '月',
  hourAriaLabel: '时',
  minuteAriaLabel: '分',
  time_24hr: true,
};

function localise() {
  document.querySelectorAll('.fjs-container input').forEach((input) => {
    const picker = input._flatpickr;
    if (picker && !picker.dubanChinese) {
      picker.dubanChinese = true;
      picker.set('locale', ZH);
    }
  });
}

new MutationObserver(localise).observe(document.documentElement, { childList: true, subtree: true });
