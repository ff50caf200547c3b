package cn.duban.dashboard;

import java.util.List;

/** One page of a longer list, with the number of items in the whole list. */
record Page<T>(long total, int page, int size, List<T> items) {}
